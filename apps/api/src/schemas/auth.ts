import { z } from 'zod';
import { Instant, Uscc } from './common.js';

/** Sign-in, passwords, activation and the second factor on the wire. */

const Password = z.string().min(1).max(128);

export const SignIn = z
  .object({
    account: z
      .string()
      .min(1)
      .max(64)
      .meta({ description: 'a staff username, or an enterprise’s 统一社会信用代码', examples: ['zhangsan'] }),
    password: Password,
    otp: z.string().max(16).optional().meta({
      description: 'administrators: the 6-digit TOTP code (动态口令), or a recovery code XXXXX-XXXXX',
    }),
  })
  .meta({ id: 'SignIn' });

export const PasswordChange = z
  .object({
    account: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'required when not signed in (a temporary password being replaced)' }),
    currentPassword: Password,
    newPassword: Password.meta({
      description:
        'at least 8 characters from 3 of upper, lower, digit, symbol; not containing the account name',
    }),
  })
  .meta({ id: 'PasswordChange' });

export const Activation = z
  .object({
    uscc: Uscc,
    code: z
      .string()
      .min(1)
      .max(20)
      .meta({ description: 'the activation code, e.g. 4KX7M-QH2RT (dashes optional)' }),
    password: Password,
  })
  .meta({ id: 'Activation' });

export const TotpEnrolment = z
  .object({
    secret: z.string().meta({ description: 'base32, for typing into an authenticator app' }),
    otpauthUri: z.string().meta({ description: 'otpauth://totp/… for a QR code' }),
  })
  .meta({ id: 'TotpEnrolment' });

export const SignedOut = z
  .object({
    endSession: z.url().meta({
      description:
        'the identity provider’s end_session_endpoint (with id_token_hint and post_logout_redirect_uri): ' +
        'the page navigates there so the provider ends its own session, and comes back to /app/',
    }),
  })
  .meta({ id: 'SignedOut' });

export const RecoveryCodes = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .meta({ description: '10 single-use codes for when the phone is lost: shown once, stored hashed' }),
  })
  .meta({ id: 'RecoveryCodes' });

export const AccountPath = z.object({
  account: z.string().min(1).max(64).meta({ description: 'a username or 统一社会信用代码' }),
});

export const SetCookieHeader = z.object({
  'Set-Cookie': z
    .string()
    .meta({ description: 'mujun_session=…; Path=/; HttpOnly; SameSite=Strict[; Secure]' }),
});

export const ActivationQuery = z.object({
  town: z.string().min(1).max(100).optional().meta({ description: 'only this town’s enterprises' }),
});

export const IssueCodesQuery = ActivationQuery.extend({
  format: z
    .enum(['xlsx', 'zip'])
    .default('xlsx')
    .meta({
      description:
        'xlsx: the workbook alone; zip: the workbook and, per town, the 一企一单 sheets with each ' +
        'enterprise’s code printed on its own',
    }),
});

export const ReissuedCode = z
  .object({
    uscc: Uscc,
    name: z.string(),
    town: z.string().nullable(),
    code: z.string().meta({ description: 'shown once; the previous code no longer works' }),
    expiresAt: Instant,
  })
  .meta({ id: 'ReissuedCode' });

export const ActivationStatus = z
  .object({
    towns: z.array(
      z.object({
        town: z.string().nullable(),
        activated: z.int(),
        notYet: z.int(),
        locked: z.int(),
        enterprises: z.array(
          z.object({
            uscc: Uscc,
            name: z.string(),
            status: z.enum(['activated', 'not-yet', 'locked']),
            codeExpiresAt: Instant.nullable().meta({ description: 'of the live code, if any' }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ActivationStatus' });

export const SignInMethods = z
  .object({
    password: z.literal(true).meta({ description: 'account and password (always offered)' }),
    sso: z
      .object({
        label: z.string().meta({ examples: ['政务服务账号登录'] }),
        start: z
          .string()
          .meta({ description: 'where the browser goes to begin', examples: ['/v1/auth/oidc/start'] }),
      })
      .nullable()
      .meta({ description: 'OpenID Connect single sign-on, when configured; null otherwise' }),
  })
  .meta({ id: 'SignInMethods' });

const CallbackText = z.string().max(2048);

export const OidcCallbackQuery = z.object({
  code: CallbackText.optional().meta({ description: 'the authorization code' }),
  state: CallbackText.optional(),
  iss: CallbackText.optional().meta({
    description: 'the issuer (RFC 9207), checked when the provider sends it',
  }),
  error: CallbackText.optional().meta({ description: 'the provider’s refusal, e.g. access_denied' }),
  error_description: CallbackText.optional(),
});

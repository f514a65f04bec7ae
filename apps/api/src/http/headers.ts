import { z } from 'zod';

/** Request and response headers as the document describes them (handlers read them from `req`). */

export const IdempotencyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .optional()
    .meta({ description: 'a unique value per request (1–255 visible ASCII); a retry reuses it' }),
});

export const RequiredIdempotencyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .meta({ description: 'required: a unique value per filing (1–255 visible ASCII); a retry reuses it' }),
});

export const IfMatchHeader = z.object({
  'If-Match': z.string().meta({ description: 'the item version read, quoted: "1"' }),
});

export const IfNoneMatchHeader = z.object({
  'If-None-Match': z.string().optional().meta({ description: 'an ETag already held: 304 when unchanged' }),
});

export const EtagHeader = z.object({
  ETag: z.string().meta({ description: 'a strong ETag: the SHA-256 of the exact bytes' }),
});

export const LocationHeader = z.object({ Location: z.string() });

export const ContentDispositionHeader = z.object({
  'Content-Disposition': z
    .string()
    .optional()
    .meta({ description: 'for a file format (csv, xlsx): attachment, with the file name' }),
});

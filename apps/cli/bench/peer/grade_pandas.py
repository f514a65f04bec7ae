"""The peer of `pnpm bench:cli`: the reference method as a county's analyst would script it in pandas.

read_csv, every figure float64, vectorised benchmarks and scores rounded with numpy (no exact fallback),
the overrides as boolean masks, then to_json. It mirrors packages/scoring/bench/float-baseline.ts (the
scoring bench's float64 yardstick) and writes, per enterprise, the figures a result list shows: code,
name, cohort, status, each indicator's value, benchmark and score, bonus, penalty, total, rank, band and
final class. It writes no trace (mujun's JSON carries one per enterprise, most of its bytes).

Usage: python3 grade_pandas.py <data.csv> <result.json>. Never use it for a published result.
"""

import sys

import numpy as np
import pandas as pd

ABOVE = [
    ("taxPerMu", "tax", "landAreaMu", 1, 40),
    ("addedValuePerMu", "addedValue", "landAreaMu", 1, 20),
    ("laborProductivity", "addedValue", "employees", 1, 10),
    ("addedValuePerEnergy", "addedValue", "energyTce", 1, 10),
    ("addedValuePerEmission", "addedValue", "emissionsTon", 1, 10),
    ("rdIntensity", "rdExpense", "revenue", 1, 10),
]
BELOW = [
    ("taxPerMu", "tax", "landAreaMu", 1, 50),
    ("taxPerKwh", "tax", "electricityKwh", 10000, 50),
]
CLASSES = np.array(["A", "B", "C", "D"])


def flag(column):
    return column.fillna("").astype(str).str.lower().isin(["true", "1", "是"])


def grade_cohort(frame, indicators, cohort):
    out = pd.DataFrame({"uscc": frame["uscc"], "name": frame["name"], "cohort": cohort, "status": "rated"})
    total = np.zeros(len(frame))
    for key, numerator, denominator, factor, weight in indicators:
        n = frame[numerator].to_numpy(dtype=float)
        d = frame[denominator].to_numpy(dtype=float)
        ok = ~np.isnan(n) & ~np.isnan(d) & (d != 0)
        benchmark = np.round(n[ok].sum() * factor / d[ok].sum(), 4) if ok.any() and d[ok].sum() != 0 else np.nan
        with np.errstate(divide="ignore", invalid="ignore"):
            value = n * factor / d
        units = np.where(ok, np.round(weight * np.clip(value / benchmark, 0, 2) * 100), np.nan)
        if not benchmark > 0:
            units = np.where(ok, 0.0, np.nan)
        mean = np.round(np.nanmean(units)) if ok.any() else 0.0
        total += np.where(ok, units, mean)
        out[key + ".value"] = np.where(ok, np.round(value, 4), np.nan)
        out[key + ".benchmark"] = benchmark
        out[key + ".score"] = units / 100
    share = frame["exportValue"].to_numpy(dtype=float) / frame["revenue"].to_numpy(dtype=float)
    finite = np.isfinite(share)
    emergency, chain = flag(frame["emergencySupplier"]).to_numpy(), flag(frame["keyChainLink"]).to_numpy()
    bonus = (
        500 * emergency
        + 500 * chain
        + np.where(finite & (share >= 0.5), 500, np.where(finite & (share >= 0.3), 300, 0))
        + 200 * flag(frame["highTech"]).to_numpy()
        + frame["specialized"].map({"province": 200, "national": 400}).fillna(0).to_numpy()
    )
    upgrade = emergency | chain | (finite & (share >= 0.5))
    tenants = frame["subletTenants"].fillna(0).to_numpy()
    if cohort == "above":
        penalty = 500 * np.maximum(0, tenants - 1)
    else:
        penalty = np.where(tenants == 0, 0, 1000 + 500 * (tenants - 1))
    total += np.minimum(bonus, 1000) - penalty
    out["bonus"], out["penalty"], out["totalScore"] = np.minimum(bonus, 1000) / 100, penalty / 100, total / 100
    order = pd.DataFrame(
        {
            "total": total,
            "tax": frame["tax"].to_numpy(),
            "revenue": frame["revenue"].fillna(0).to_numpy(),
            "code": frame["uscc"].str.upper().to_numpy(),
        }
    ).sort_values(["total", "tax", "revenue", "code"], ascending=[False, False, False, True], kind="stable")
    rank = np.empty(len(frame), dtype=np.int64)
    rank[order.index.to_numpy()] = np.arange(1, len(frame) + 1)
    size = len(frame)
    limits = [size * percent // 100 for percent in (20, 75, 95)]
    band = np.select([rank <= limits[0], rank <= limits[1], rank <= limits[2]], [0, 1, 2], 3)
    final = band.copy()
    final[(frame["tax"] / frame["landAreaMu"]).to_numpy() < 1] = 3
    final = np.where(upgrade & (final > 0), final - 1, final)
    vetoed = frame["vetoReasons"].notna().to_numpy()
    final = np.where(vetoed & (final < 2), 2, final)
    final = np.where(~vetoed & frame["protectedReason"].notna().to_numpy() & (final == 3), 2, final)
    out["rank"], out["bandClass"], out["finalClass"] = rank, CLASSES[band], CLASSES[final]
    return out


def main(source, target):
    frame = pd.read_csv(source, dtype={"uscc": str, "industryCode": str})
    land = frame["landAreaMu"]
    in_scope = ~((land == 0) | ((frame["scale"] == "below") & (land < 3)))
    exempt = in_scope & frame["exemptReason"].notna()
    rated = in_scope & ~exempt
    parts = [
        grade_cohort(frame[rated & (frame["scale"] == "above")].reset_index(drop=True), ABOVE, "above"),
        grade_cohort(frame[rated & (frame["scale"] == "below")].reset_index(drop=True), BELOW, "below"),
        pd.DataFrame({"uscc": frame["uscc"][exempt], "name": frame["name"][exempt], "status": "exempt", "finalClass": "T"}),
        pd.DataFrame({"uscc": frame["uscc"][~in_scope], "name": frame["name"][~in_scope], "status": "outOfScope"}),
    ]
    pd.concat(parts, ignore_index=True).to_json(target, orient="records", force_ascii=False, indent=2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

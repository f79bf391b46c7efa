#!/usr/bin/env python3
"""The README's regime comparison table from run directories made with --daily all.

    for r in quantity-set full-allotment floor-system symmetric-corridor; do
      ./corridorsim run models/regimes/$r.yaml --paths 100 --daily all --out /tmp/regimes/$r --quiet
    done
    python3 docs/regime_table.py /tmp/regimes/quantity-set /tmp/regimes/full-allotment \
        /tmp/regimes/floor-system /tmp/regimes/symmetric-corridor

Spreads are to the policy rate in force on the day (bp), from the run's resolved scenario.yaml
(corridor.policy_rate_pct and the events' policy_rate_pct). Mean: over all path-days, with its
Monte Carlo standard error (sd of the path means / sqrt(paths)); sd: of the spread within each
path, averaged over paths (as calibration.csv); shares: of path-days beyond policy +20bp and below
policy -20bp (empty DR007 fixings left out; a fixing at exactly -20bp, the temporary repos'
rate, is not below); SLF: mean overnight SLF lending per business day, bn.
Needs numpy and PyYAML.
"""
import csv
import sys
from pathlib import Path

import numpy as np
import yaml


def policy_path(run_dir, dates):
    s = yaml.safe_load((run_dir / "scenario.yaml").read_text())
    steps = sorted((str(e["date"]), e["policy_rate_pct"]) for e in s.get("events", []) if "policy_rate_pct" in e)
    out = []
    for d in dates:
        p = s["corridor"]["policy_rate_pct"]
        for when, rate in steps:
            if d >= when:
                p = rate
        out.append(p)
    return np.array(out), s["name"]


def table(run_dir):
    rows = list(csv.DictReader((run_dir / "daily.csv").open()))
    paths = sorted({int(r["path"]) for r in rows})
    days = sorted({int(r["day"]) for r in rows})
    date = {int(r["day"]): r["date"] for r in rows}
    policy, name = policy_path(run_dir, [date[t] for t in days])

    def grid(col):
        g = np.full((len(days), len(paths)), np.nan)
        for r in rows:
            v = r[col]
            g[int(r["day"]), int(r["path"])] = float(v) if v != "" else np.nan
        return g

    out = {"regime": name, "paths": len(paths)}
    for m in ("dr001", "dr007"):
        s = (grid(m) - policy[:, None]) * 100
        path_means = np.nanmean(s, axis=0)
        out[m + "_mean"] = np.nanmean(s)
        out[m + "_se"] = np.std(path_means, ddof=1) / np.sqrt(len(paths))
        out[m + "_sd"] = np.mean(np.nanstd(s, axis=0, ddof=1))
        defined = s[~np.isnan(s)]
        # A fixing exactly at policy - 20bp (the temporary repos' rate) is not below it.
        out[m + "_above20"] = np.mean(defined > 20 + 1e-6)
        out[m + "_below20"] = np.mean(defined < -20 - 1e-6)
    out["slf"] = np.nanmean(grid("slf_bn"))
    return out


def main(dirs):
    print("| regime | DR001 − policy: mean (se) | sd | > +20bp | < −20bp "
          "| DR007 − policy: mean (se) | sd | > +20bp | < −20bp | SLF, bn/day |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for d in dirs:
        t = table(Path(d))
        print("| `{regime}` | {dr001_mean:.1f} ({dr001_se:.1f}) | {dr001_sd:.1f} | {a1:.1%} | {b1:.1%} "
              "| {dr007_mean:.1f} ({dr007_se:.1f}) | {dr007_sd:.1f} | {a7:.1%} | {b7:.1%} | {slf:.0f} |".format(
                  a1=t["dr001_above20"], b1=t["dr001_below20"], a7=t["dr007_above20"], b7=t["dr007_below20"], **t))


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Oracle trajectories of the Peterson & Riggs 2010 model from its curated SBML (BIOMD0000000613).

Runs libRoadRunner (installed with pip if missing) on the SBML given as the first argument and
writes CSV trajectories of every floating species (time in hours) for the comparison test
Tests/OsteoModelTests/PetersonRiggsTests.swift:

  pr2010_unperturbed_10y.csv   the unperturbed model, 10 years, monthly samples
  pr2010_pth_infusion_1y.csv   a parameter step at t = 0: constant PTH infusion
                               IPTHinf = 200 pmol/h (baseline secretion ≈ 385 pmol/h), 1 year
  pr2010_low_calcium_1y.csv    a parameter step at t = 0: dietary calcium halved
                               (OralCa = 24.055/48 mmol/h), 1 year

The SBML's teriparatide event (triggered by `time == ...`) is disarmed with teri_dose_mcg = 0 so
that no output grid can fire a dose. The SBML itself is not part of the repository; obtain
BIOMD0000000613 from BioModels (CC0).

usage: peterson_riggs_oracle.py MODEL.xml [OUTDIR]   (OUTDIR defaults to the test fixtures)
"""
import csv
import importlib
import os
import subprocess
import sys

HOURS_PER_YEAR = 365.25 * 24


def ensure_roadrunner():
    try:
        return importlib.import_module("roadrunner")
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "libroadrunner"])
        return importlib.import_module("roadrunner")


def load(rr_module, path):
    rr = rr_module.RoadRunner(path)
    rr.integrator.relative_tolerance = 1e-11
    rr.integrator.absolute_tolerance = 1e-14
    rr.integrator.maximum_num_steps = 1_000_000
    rr.integrator.variable_step_size = False
    if "teri_dose_mcg" in rr.model.getGlobalParameterIds():
        rr["teri_dose_mcg"] = 0.0
    return rr


def run(rr, times, path):
    species = list(rr.model.getFloatingSpeciesIds())
    rr.timeCourseSelections = ["time"] + [f"[{s}]" for s in species]
    rows = [[times[0]] + list(rr.model.getFloatingSpeciesConcentrations())]
    for t0, t1 in zip(times[:-1], times[1:]):
        rr.simulate(t0, t1, 2)
        rows.append([t1] + list(rr.model.getFloatingSpeciesConcentrations()))
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["time_h"] + species)
        for r in rows:
            w.writerow(["%.12g" % float(x) for x in r])
    print(f"wrote {path}: {len(rows)} rows x {len(species)} species")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sbml = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "Tests", "OsteoModelTests", "Fixtures")
    os.makedirs(out, exist_ok=True)
    rr_module = ensure_roadrunner()
    print("libroadrunner", rr_module.__version__)

    monthly = [i * HOURS_PER_YEAR / 12 for i in range(0, 121)]
    run(load(rr_module, sbml), monthly, os.path.join(out, "pr2010_unperturbed_10y.csv"))

    # Fast start (hours, days), then weekly to one year.
    early = [0, 1, 2, 4, 8, 12, 24, 48, 72, 96, 120, 144]
    year = early + [168 * k for k in range(1, 53)] + [HOURS_PER_YEAR]

    rr = load(rr_module, sbml)
    rr["IPTHinf"] = 200.0
    run(rr, year, os.path.join(out, "pr2010_pth_infusion_1y.csv"))

    rr = load(rr_module, sbml)
    rr["OralCa"] = 24.055 / 48
    run(rr, year, os.path.join(out, "pr2010_low_calcium_1y.csv"))


if __name__ == "__main__":
    main()

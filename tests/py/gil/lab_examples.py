# test: timeout=120 skip-gc-stress
# Smoke test of the GIL laboratory (examples/gil/*.py, driven by
# tools/gil_experiments.py): each script runs in --quick mode under this
# interpreter and ends with a `RESULT {...}` line whose shape is checked here
# (the figures themselves depend on the machine).
import ast
import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples" / "gil"


def result(script):
    r = subprocess.run([sys.executable, str(EXAMPLES / script), "--quick"], capture_output=True, text=True,
                       timeout=100)
    if r.returncode != 0:
        print(script, "exited", r.returncode, r.stderr[-2000:])
        return None
    return ast.literal_eval(r.stdout.splitlines()[-1].removeprefix("RESULT "))


def positive(*xs):
    return all(isinstance(x, (int, float)) and x > 0 for x in xs)


CHECKS = {
    "sweep.py": lambda r: sorted(r["rates"]) == ["0.0001 0", "0.0001 1", "0.005 0", "0.005 1"]
    and positive(*r["rates"].values()),
    "fairness.py": lambda r: sorted(r["runs"]) == [2, 4] and all(
        len(x["shares"]) == n and abs(sum(x["shares"]) - 1) < 0.01 and 0 <= x["spread"] <= n
        for n, x in r["runs"].items()),
    "battle.py": lambda r: positive(r["counts_per_s"], r["cores"]) and r["handoffs_per_s"] >= 0 and (
        r["gil"] is None or 0 <= r["gil"]["retakes"] <= r["gil"]["contested"]),
    "tcp_convoy.py": lambda r: all(r[k]["n"] >= 5 and positive(r[k]["median_us"], r[k]["bulk_s"])
                                   for k in ("alone", "beside_cpu")),
    "models.py": lambda r: len(r["times"]) == 8 and all(positive(t["wall_s"]) for t in r["times"].values())
    and r["times"]["io sequential"]["wall_s"] >= 0.19,
    "inversion.py": lambda r: sorted(r["settings"]) == ["alone", "hogs", "nogap"] and all(
        s["sections"] > 0 for s in r["settings"].values()),
}

for script, check in CHECKS.items():
    r = result(script)
    print(script, r is not None and r["experiment"] == script[:-3].replace("_", "-") and check(r))

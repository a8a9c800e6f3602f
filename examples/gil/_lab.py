"""What the GIL laboratory's scripts (examples/gil/*.py) share.

Each script ends with report(...): one line `RESULT {...}`, a Python literal
that tools/gil_experiments.py reads with ast.literal_eval.  Runs under
python3 too (no `gil` module there: the policy is "cpython").
"""


def policy():
    try:
        import gil
        return gil.policy()
    except ImportError:
        return "cpython"


def report(experiment, **fields):
    print("RESULT", {"experiment": experiment, "policy": policy(), **fields}, flush=True)

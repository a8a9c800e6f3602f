# -X no_debug_ranges and PYTHONNODEBUGRANGES: code keeps no columns, so
# tracebacks draw no carets and co_positions gives None columns.
import os
import subprocess
import sys

code = "def f():\n    return 1 / 0\nprint(any(p[2] is not None for p in f.__code__.co_positions()))\nf()\n"
for args, env in [(["-X", "no_debug_ranges"], {}), ([], {"PYTHONNODEBUGRANGES": "1"}), ([], {}),
                  (["-E"], {"PYTHONNODEBUGRANGES": "1"})]:
    r = subprocess.run([sys.executable, *args, "-c", code], capture_output=True, text=True,
                       env=dict(os.environ, **env))
    print(args, env, r.returncode, r.stdout.strip())
    print(r.stderr.replace(sys.executable, "PY"))

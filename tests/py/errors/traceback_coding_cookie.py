# A traceback shows the source line decoded as the file's coding cookie says
# (PEP 263), and so does a warning's source line.
import os
import subprocess
import sys
import tempfile

cases = [
    ("latin-1", "# -*- coding: latin-1 -*-\nif 1:\n    raise RuntimeError('caf\u00e9')\n"),
    ("cp1251", "#!/usr/bin/env python\n# coding: cp1251\nx = '\u043f\u0440\u0438\u0432\u0435\u0442'; 1/0\n"),
    ("utf-8", "import warnings\nwarnings.warn('\u00fcber')  # \u00fc\n"),
    ("koi8-r", "# coding=koi8-r\nimport warnings\nwarnings.warn('\u0434\u0430')  # \u0434\u0430\n"),
]
with tempfile.TemporaryDirectory() as d:
    for enc, src in cases:
        path = os.path.join(d, "m.py")
        with open(path, "w", encoding=enc) as f:
            f.write(src)
        r = subprocess.run([sys.executable, path], capture_output=True)
        print(enc, r.returncode)
        print(r.stderr.decode("utf-8", "backslashreplace").replace(path, "FILE"))

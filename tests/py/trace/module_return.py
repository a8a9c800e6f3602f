# Module code: the 'line' and 'return' events up to its end (no extra line
# for the implicit return), and trace's line counts with missing lines shown.
import os
import sys
import subprocess
import tempfile

srcs = [
    "def f():\n    return (1,\n 2)\n",
    "x = 1\nif x:\n    y = 2\nelse:\n    y = 3\n",
    "for i in range(2):\n    pass\n",
    "x = (1,\n2,\n3)\n",
    "try:\n    x = 1\nexcept:\n    pass\n",
    "while False:\n    pass\n",
    "class A:\n    x = 1\n    y = (2,\n 3)\n",
    "'doc'\n",
]
for s in srcs:
    co = compile(s, 'm', 'exec')
    ev = []
    def tr(frame, event, arg):
        if frame.f_code is co:
            ev.append((event, frame.f_lineno))
        return tr
    sys.settrace(tr)
    exec(co, {})
    sys.settrace(None)
    print(ev)

src = '''def f(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            pass
    return total

def unused():
    return 1

print(f(5))
'''
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'counted.py')
    with open(path, 'w') as fp:
        fp.write(src)
    r = subprocess.run([sys.executable, '-m', 'trace', '--count', '-m', '-C', d, path],
                       stdout=subprocess.PIPE, text=True)
    print(r.stdout, end='')
    with open(os.path.join(d, 'counted.cover')) as fp:
        print(fp.read(), end='')

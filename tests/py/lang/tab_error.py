# Inconsistent tabs raise TabError when compiled
src = "if True:\n        x = 1\n\ty = 2\n"
try:
    compile(src, 'tabs.py', 'exec')
except TabError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile("if 1:\n  a = 1\n    b = 2\n", 'ind.py', 'exec')
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile("if 1:\n    a = 1\n  b = 2\n", 'ded.py', 'exec')
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile("def f():\nreturn 1\n", 'exp.py', 'exec')
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
print(issubclass(TabError, IndentationError), issubclass(IndentationError, SyntaxError))
if True:
	exec("print('tabs alone are fine')")

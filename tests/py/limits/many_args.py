# many arguments, parameters and locals
def f(*args, **kw):
    return len(args), len(kw)
print(f(*range(10000)), f(**{f'k{i}': i for i in range(1000)}))
params = ', '.join(f'a{i}' for i in range(300))
src = f'def g({params}):\n    return a0 + a299\n'
ns = {}
exec(src, ns)
print(ns['g'](*range(300)))
call = 'h(' + ', '.join(str(i) for i in range(500)) + ')'
def h(*a): return sum(a)
print(eval(call))
body = '\n'.join(f'    v{i} = {i}' for i in range(1000))
exec('def big():\n' + body + '\n    return v999 + v0\n', ns)
print(ns['big']())
print(max(*range(5000)), min(range(5000), key=lambda x: -x))

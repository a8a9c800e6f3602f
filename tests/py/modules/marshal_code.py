# marshal writes and reads code objects: what comes back runs as the original.
import marshal

src = '''
x = 1
def f(a, /, b, *args, c=2, **kw):
    def g():
        nonlocal a
        a += 1
        return a + b + c
    return g(), len(args), sorted(kw), 'déjà vu', 10**30, -1.5, 2j, b'xy', (1, (2,)), frozenset({3})
class K:
    "doc of K"
    y = [i * i for i in range(4)]
    def m(self):
        return __class__.__name__
async def co():
    return 1
gen = (n for n in range(3))
'''
code = compile(src, 'm.py', 'exec')
data = marshal.dumps(code)
back = marshal.loads(data)
print(type(back).__name__, back.co_name, back.co_filename, back.co_firstlineno)
ns = {}
exec(back, ns)
print(ns['f'](1, 2, 3, 4, z=5, y=6))
print(ns['K'].y, ns['K'].__doc__, ns['K']().m(), list(ns['gen']))
try:
    ns['co']().send(None)
except StopIteration as e:
    print('co ->', e.value)

f = ns['f'].__code__
g = marshal.loads(marshal.dumps(f))
for attr in ('co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals', 'co_varnames',
             'co_cellvars', 'co_freevars', 'co_names', 'co_flags', 'co_name', 'co_qualname'):
    print(attr, getattr(g, attr) == getattr(f, attr))
print(g.co_consts == f.co_consts, list(g.co_lines()) == list(f.co_lines()))
print(list(g.co_positions()) == list(f.co_positions()))
print(marshal.loads(marshal.dumps((code, [code], {'k': code})))[1][0].co_name)

# Names stay interned: identical objects after the round trip.
n1 = marshal.loads(marshal.dumps(f)).co_varnames[0]
n2 = marshal.loads(marshal.dumps(f)).co_varnames[0]
print(n1 is n2)

for cut in (1, 5, 30, len(data) // 2, len(data) - 1):
    try:
        marshal.loads(data[:cut])
    except (EOFError, ValueError) as e:
        print(cut == len(data) - 1 or cut < 40, type(e).__name__)

# _contextvars through CPython's contextvars.py: Context, ContextVar, Token
import contextvars as cv
def noaddr(s):
    while ' at 0x' in s:
        i = s.index(' at 0x')
        j = i + 6
        while j < len(s) and s[j] in '0123456789abcdef': j += 1
        s = s[:i] + s[j:]
    return s
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__ + ':', noaddr(str(e)))
v = cv.ContextVar('v', default=1)
w = cv.ContextVar('w')
print(v.name, v.get(), w.get(5))
t(w.get)
t(lambda: type(w.get.__self__).__name__)
tok = w.set(10)
print(w.get(), tok.var is w, tok.old_value is cv.Token.MISSING, cv.Token.MISSING)
tok2 = w.set(20)
print(tok2.old_value)
w.reset(tok2)
print(w.get())
t(w.reset, tok2)
t(v.reset, tok)
t(v.reset, 1)
w.reset(tok)
t(w.get)
ctx = cv.copy_context()
print(w in ctx, v in ctx, len(ctx))
def f(a, b=0):
    w.set(a + b)
    return w.get(), len(cv.copy_context())
print(ctx.run(f, 1, b=2), w.get(None), ctx[w], ctx.get(w), ctx.get(v), ctx.get(v, 'd'))
print(list(ctx.keys()) == [w], list(ctx.values()), [(k.name, x) for k, x in ctx.items()], [k.name for k in ctx])
t(lambda: ctx[v])
t(lambda: ctx['x'])
t(lambda: 'x' in ctx)
t(ctx.run, lambda: ctx.run(print, 1))
tok3 = ctx.run(w.set, 99)
t(w.reset, tok3)
print(ctx[w])
c2 = ctx.copy()
ctx.run(w.set, 5)
print(c2[w], ctx[w], c2 == ctx, cv.Context() == cv.Context())
t(hash, ctx)
t(cv.Context, 1)
t(cv.ContextVar, 1)
t(cv.ContextVar)
t(cv.Token)
print(len(cv.Context()), cv.ContextVar[int], cv.Token[str])
t(lambda: type('X', (cv.ContextVar,), {}))
r = repr(v)
print(r.startswith("<ContextVar name='v' default=1 at 0x"), repr(w).startswith("<ContextVar name='w' at 0x"))
tk = v.set(2)
print(repr(tk).startswith('<Token var=<ContextVar'))
v.reset(tk)
print(repr(tk).startswith('<Token used var='))
import threading
res = []
v.set(42)
th = threading.Thread(target=lambda: res.append(v.get()))
th.start(); th.join()
print(res, v.get())
def gen():
    yield v.get()
print(cv.Context().run(lambda: v.get()))

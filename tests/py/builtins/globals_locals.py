# globals and locals
g_var = 'global'
print(globals()['g_var'], '__name__' in globals(), globals()['__name__'], type(globals()).__name__)
globals()['injected'] = 'via globals'
print(injected)
def f(a, b=2):
    c = a + b
    return locals()
print(f(1))
def g():
    x = 1
    def inner():
        return x
    return sorted(locals())
print(g())
print(locals() is globals())
class K:
    z = 1
    names = sorted(k for k in locals() if not k.startswith('__'))
print(K.names)

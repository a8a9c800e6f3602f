# an uncaught exception prints a traceback and exits 1; stdout before it is kept
def inner():
    raise ValueError('bad value 42')
def outer():
    inner()
print('before')
outer()
print('after')

import warnings, sys
def f():
    warnings.warn("inside f", UserWarning)
f()
f()
warnings.warn("a", category=FutureWarning)
warnings.warn("b", ImportWarning)
warnings.warn("c", ResourceWarning)
warnings.warn("d", BytesWarning)
warnings.warn("e", UnicodeWarning)
warnings.warn("dep", DeprecationWarning, stacklevel=1)
warnings.warn("lvl2", stacklevel=2)
warnings.warn("lvl9", stacklevel=9)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("x")
    print(str(w[0]).replace(__file__, "<this file>"))
    print(repr(w[0].message), w[0].line, w[0].source)
warnings.simplefilter("once")
warnings.warn("once1"); warnings.warn("once1")
warnings.simplefilter("module")
warnings.warn("mod1"); warnings.warn("mod1")
warnings.filterwarnings("always", category=RuntimeWarning)
warnings.warn("rw", RuntimeWarning); warnings.warn("rw", RuntimeWarning)
try:
    warnings.warn("x", 5)
except TypeError as e:
    print("TypeError", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError", e)
def shw(message, category, filename, lineno, file=None, line=None):
    print("CUSTOM", message, category.__name__, lineno)
warnings.showwarning = shw
warnings.warn("custom shown", RuntimeWarning)
print(sys.warnoptions)

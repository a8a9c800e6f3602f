# An AttributeError raised while getting obj.name without name/obj (by a
# __getattr__ or a property) gets them, and its traceback suggests a name.
import sys, io
def show(f):
    try:
        f()
    except AttributeError as e:
        print(repr(e.name), type(e.obj).__name__)
        err = io.StringIO(); old = sys.stderr; sys.stderr = err
        sys.__excepthook__(*sys.exc_info())
        sys.stderr = old
        print(err.getvalue().splitlines()[-1])
class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()
class B:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError("Error", 23)
class C:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError(23)
class D:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError('x', name='other', obj=5)
for cls in A, B, C, D:
    show(lambda: cls().bluch)
show(lambda: getattr(A(), 'blehc'))
print(hasattr(A(), 'zz'))
class E:
    @property
    def p(self):
        raise AttributeError('inner')
    pe = 1
show(lambda: E().p)

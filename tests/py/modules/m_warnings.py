import warnings, sys
warnings.warn('plain user warning')
warnings.warn('deprecated thing', DeprecationWarning)
warnings.warn('pending', PendingDeprecationWarning)
warnings.warn('runtime issue', RuntimeWarning)
def f():
    warnings.warn('from f', stacklevel=2)
f()
for i in range(3):
    warnings.warn('repeated once')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('caught', UserWarning)
    warnings.warn('caught2', DeprecationWarning)
    print(len(w), w[0].category.__name__, str(w[0].message), w[1].category, w[0].lineno > 0, w[0].filename.endswith('m_warnings.py'))
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    warnings.warn('ignored')
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('boom', RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', repr(e))
warnings.filterwarnings('ignore', message='skip.*')
warnings.warn('skip me')
warnings.warn('do not skip')
warnings.filterwarnings('error', category=SyntaxWarning)
try:
    warnings.warn('sw', SyntaxWarning)
except SyntaxWarning as e:
    print('SyntaxWarning raised', e)
warnings.warn(UserWarning('instance warning'))
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Exception), Warning.__mro__)
class MyWarn(UserWarning): pass
warnings.warn('custom', MyWarn)
warnings.warn_explicit('explicit', UserWarning, 'fake.py', 42)
print('done', file=sys.stdout)

# warnings: DeprecationWarning is shown in __main__ (stderr's last line checked in .err)
import warnings
print('start')
warnings.warn('a user warning')
def old():
    warnings.warn('old() is deprecated', DeprecationWarning, stacklevel=2)
    return 'old result'
print(old())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('recorded', UserWarning)
    warnings.warn('recorded too', RuntimeWarning)
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
warnings.simplefilter('error')
try:
    warnings.warn('now an error')
except UserWarning as e:
    print(type(e).__name__, e)
warnings.simplefilter('ignore')
warnings.warn('ignored')
warnings.resetwarnings()
warnings.simplefilter('default')
warnings.warn('last one', DeprecationWarning)
print('end')

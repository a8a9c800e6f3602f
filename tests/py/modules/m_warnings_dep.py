import warnings
import _m_warnmod
print(_m_warnmod.old())
_m_warnmod.inner()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('default')
    _m_warnmod.inner()
    print([str(x.message) for x in w])
print(len(warnings.filters) > 0, warnings.filters[0][0] if warnings.filters else None)
warnings.resetwarnings()
print(warnings.filters)
warnings.warn('after reset', DeprecationWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn(DeprecationWarning('dw'))
    print(w[0].message.args, w[0].category.__name__)
print(warnings.formatwarning('msg', UserWarning, 'file.py', 10), end='')
print(warnings.formatwarning('msg', UserWarning, 'file.py', 10, 'the line'), end='')

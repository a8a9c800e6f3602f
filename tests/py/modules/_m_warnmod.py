import warnings
def old():
    warnings.warn('old is deprecated', DeprecationWarning, stacklevel=2)
    return 1
def inner():
    warnings.warn('inner deprecated', DeprecationWarning)
    warnings.warn('inner user')

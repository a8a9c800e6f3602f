"""A helper module for the import tests."""
print('importing _helper_mod')
VALUE = 42
_private = 'hidden'
public_list = [1, 2]
def func(x):
    return x * 2
class Klass:
    def __repr__(self):
        return 'Klass()'
__all__ = ['VALUE', 'func', 'Klass']

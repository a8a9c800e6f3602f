# importing .py modules from the script's directory
import _helper_mod
import _helper_mod as again
print(_helper_mod.VALUE, _helper_mod.func(4), again is _helper_mod)
print(_helper_mod.__name__, _helper_mod.__doc__)
from _helper_mod import Klass, public_list
print(Klass(), public_list)
import sys
print('_helper_mod' in sys.modules)
print(__name__)

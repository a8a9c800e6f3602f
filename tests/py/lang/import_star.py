# from x import *
from _helper_mod import *
print(VALUE, func(1), Klass())
print('public_list' in dir(), '_private' in dir())
from _noall_mod import *
print(a, b, '_c' in dir())

# the builtin exception hierarchy
names = ['BaseException', 'Exception', 'ArithmeticError', 'ZeroDivisionError', 'OverflowError', 'LookupError',
         'IndexError', 'KeyError', 'ValueError', 'TypeError', 'NameError', 'UnboundLocalError', 'AttributeError',
         'StopIteration', 'RuntimeError', 'RecursionError', 'NotImplementedError', 'AssertionError', 'ImportError',
         'ModuleNotFoundError', 'OSError', 'FileNotFoundError', 'FileExistsError', 'PermissionError',
         'IsADirectoryError', 'NotADirectoryError', 'InterruptedError', 'BlockingIOError', 'ChildProcessError',
         'ConnectionError', 'BrokenPipeError', 'ProcessLookupError', 'TimeoutError', 'KeyboardInterrupt',
         'SystemExit', 'GeneratorExit', 'MemoryError', 'UnicodeError', 'UnicodeDecodeError', 'UnicodeEncodeError',
         'EOFError', 'SyntaxError', 'IndentationError', 'TabError', 'FloatingPointError', 'StopAsyncIteration',
         'Warning', 'DeprecationWarning', 'UserWarning', 'RuntimeWarning']
for n in names:
    cls = eval(n)
    print(n, cls.__base__.__name__, [k.__name__ for k in cls.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception), issubclass(GeneratorExit, Exception))

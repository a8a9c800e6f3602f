# tracing the module frame itself: f_trace set on it, then sys.settrace
import sys
def t(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return t
sys._getframe().f_trace = t
sys.settrace(t)
x = 1
for i in range(2):
    x += i
if x:
    y = 2
sys.settrace(None)
print("done")

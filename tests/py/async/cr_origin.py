# sys.set_coroutine_origin_tracking_depth and cr_origin.
import sys


async def corofn():
    pass


def here():
    f = sys._getframe(1)
    return f.f_code.co_filename.rsplit('/', 1)[-1], f.f_lineno


def show(origin):
    if origin is None:
        print(None)
    else:
        print(tuple((fn.rsplit('/', 1)[-1], line, name) for fn, line, name in origin))


print(sys.get_coroutine_origin_tracking_depth())
c = corofn()
print(c.cr_origin)
c.close()
sys.set_coroutine_origin_tracking_depth(1)
print(sys.get_coroutine_origin_tracking_depth())
c = corofn()
show(c.cr_origin)
c.close()


def nested():
    return corofn()


def outer():
    return nested()


sys.set_coroutine_origin_tracking_depth(2)
c = outer()
show(c.cr_origin)
c.close()
sys.set_coroutine_origin_tracking_depth(1000)
c = outer()
show(c.cr_origin)
c.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)
c = corofn()
print(c.cr_origin)
c.close()

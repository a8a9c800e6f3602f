# A coroutine never awaited is reported when it is destroyed (here: at exit).
async def started():
    return 1


async def never():
    pass


s = started()
try:
    s.send(None)
except StopIteration:
    pass
closed = never()
closed.close()
kept = never()
print("end")

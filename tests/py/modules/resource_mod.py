# resource: limits, usage, and posix.wait3/wait4's struct_rusage.
import os, resource

def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(n for n in dir(resource) if not n.startswith("__")))
print(resource.RLIM_INFINITY, resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, resource.RLIMIT_NOFILE)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard), resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft, hard))
ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru).__name__, len(ru), ru.ru_utime >= 0, ru.ru_maxrss > 0, resource.struct_rusage.n_fields)
print(resource.getpagesize() == os.sysconf("SC_PAGESIZE"), resource.error is OSError)
err(resource.getrlimit, 99)
err(resource.getrusage, 99)
err(resource.setrlimit, resource.RLIMIT_NOFILE, 5)
err(resource.setrlimit, resource.RLIMIT_NOFILE, (1,))
err(resource.setrlimit, resource.RLIMIT_NOFILE, (hard + 1 if hard != -1 else 10, 5))
pid = os.fork()
if pid == 0:
    os._exit(3)
p, st, ru = os.wait4(pid, 0)
print(p == pid, os.waitstatus_to_exitcode(st), type(ru).__name__, ru.ru_stime >= 0)
pid = os.fork()
if pid == 0:
    os._exit(4)
p, st, ru = os.wait3(0)
print(p == pid, os.waitstatus_to_exitcode(st), len(ru))
err(os.wait3, 0)

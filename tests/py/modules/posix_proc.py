# The posix module's process calls: fork callbacks, exec, wait*, posix_spawn.
import os, sys, signal

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# register_at_fork: before in reverse order, after_* in registration order
r, w = os.pipe()
on = [True]
def note(c):
    return lambda: on[0] and os.write(w, c)
os.register_at_fork(before=note(b"A"))
os.register_at_fork(after_in_parent=note(b"C"))
os.register_at_fork(after_in_child=note(b"E"))
os.register_at_fork(before=note(b"B"), after_in_parent=note(b"D"), after_in_child=note(b"F"))
pid = os.fork()
if pid == 0:
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
on[0] = False
os.close(w)
data = b""
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
print(data[:2], sorted(data[2:]), wpid == pid)
print(os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
err(os.register_at_fork)
err(os.register_at_fork, lambda: None)
err(os.register_at_fork, before=2)
err(os.register_at_fork, before=None)
err(os.register_at_fork, after_in_child="x", before=lambda: None)

# the wait macros
for st in (0, 256, 9, 0x7f | (19 << 8), 0xffff, 0x80 | 11):
    print(st, os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WTERMSIG(st),
          os.WIFSTOPPED(st), os.WSTOPSIG(st), os.WCOREDUMP(st), os.WIFCONTINUED(st))
err(os.waitstatus_to_exitcode, 0x7f | (19 << 8))
err(os.WIFEXITED, "x")

# wait, waitid, wait3/wait4 shapes
pid = os.fork()
if pid == 0:
    os._exit(3)
wpid, status = os.wait()
print(wpid == pid, os.WEXITSTATUS(status))
pid = os.fork()
if pid == 0:
    os._exit(4)
res = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(res).__name__, res.si_pid == pid, res.si_status, res.si_code == os.CLD_EXITED, res.si_signo == signal.SIGCHLD)
print(os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG) if False else None)
err(os.waitpid, -1, 0)
err(os.wait)
err(os.waitid, os.P_ALL, 0, os.WEXITED)

# execv in a child
pid = os.fork()
if pid == 0:
    try:
        os.execv("/bin/sh", ["sh", "-c", "exit 5"])
    finally:
        os._exit(99)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.fork()
if pid == 0:
    try:
        os.execve("/bin/sh", ["sh", "-c", 'exit $CODE'], {"CODE": "6"})
    finally:
        os._exit(99)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
err(os.execv, "/bin/sh", [])
err(os.execv, "/bin/sh", "sh")
err(os.execv, "/bin/sh", [""])
err(os.execv, "/nonexistent/prog", ["x"])
err(os.execve, "/bin/sh", ["sh"], [])
err(os.execve, "/bin/sh", ["sh"], {"A=B": "1"})
err(os.execve, "/bin/sh", ["sh"], {"A": "1\0"})
err(os.execve, "/bin/sh", ["sh"], {1: "1"})

# posix_spawn and posix_spawnp with file actions
rd, wr = os.pipe()
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "echo spawned; exit 2"], {},
                     file_actions=[(os.POSIX_SPAWN_DUP2, wr, 1), (os.POSIX_SPAWN_CLOSE, rd)])
os.close(wr)
print(os.read(rd, 100), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
os.close(rd)
pid = os.posix_spawnp("true", ["true"], {"PATH": "/usr/bin:/bin"}, setsid=True, setsigmask=[signal.SIGUSR1])
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
err(os.posix_spawn, "/nonexistent/prog", ["x"], {})
err(os.posix_spawn, "/bin/sh", [], {})
err(os.posix_spawn, "/bin/sh", "sh", {})
err(os.posix_spawn, "/bin/sh", ["sh"], None)
err(os.posix_spawn, "/bin/sh", ["sh"], {}, file_actions=[None])
err(os.posix_spawn, "/bin/sh", ["sh"], {}, file_actions=[(99,)])
err(os.posix_spawn, "/bin/sh", ["sh"], {}, file_actions=[(os.POSIX_SPAWN_CLOSE,)])
err(os.posix_spawn, "/bin/sh", ["sh"], {}, resetids="x")
err(os.posix_spawn, "/bin/sh", ["sh"], {}, setsigmask=[0])

# ids, groups, priorities, sessions
print(os.getuid() == os.getresuid()[0], os.getgid() == os.getresgid()[0], type(os.getgroups()).__name__)
print(os.getsid(0) == os.getsid(os.getpid()), os.getpgid(0) == os.getpgrp())
print(os.getpriority(os.PRIO_PROCESS, 0) == os.nice(0))
err(os.setuid, "x")
err(os.setgroups, 5)
err(os.getgrouplist, 1, 2)
err(os.kill, os.getpid(), 0)
err(os.killpg, 0, 0)
err(os.getsid, 1 << 40)
print(os.WNOHANG, os.WEXITED, os.WSTOPPED, os.WCONTINUED, os.WNOWAIT, os.P_PID, os.P_ALL, os.P_PGID)
print(os.CLD_EXITED, os.CLD_KILLED, os.CLD_DUMPED, os.CLD_TRAPPED, os.CLD_STOPPED, os.CLD_CONTINUED)
print(os.POSIX_SPAWN_OPEN, os.POSIX_SPAWN_CLOSE, os.POSIX_SPAWN_DUP2, os.PRIO_PROCESS, os.PRIO_PGRP, os.PRIO_USER)
sp = os.sched_param(3)
print(sp, sp.sched_priority, os.sched_param(sched_priority=1), os.sched_get_priority_min(os.SCHED_OTHER))
print(type(os.sched_getaffinity(0)).__name__, os.sched_getscheduler(0) == os.SCHED_OTHER)
err(os.sched_setaffinity, 0, [-1])
err(os.sched_setparam, 0, 5)
os.sched_yield()

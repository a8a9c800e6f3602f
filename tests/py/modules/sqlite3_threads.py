# sqlite3 and threads: a connection belongs to its thread unless
# check_same_thread=False; a connection per thread works in parallel (the GIL
# is released around SQLite's work); user functions called from a thread take
# the GIL back.
import os
import sqlite3
import tempfile
import threading

cx = sqlite3.connect(":memory:")
errors = []
def use_elsewhere():
    for f in (lambda: cx.execute("select 1"), lambda: cx.close(), lambda: cx.commit(),
              lambda: cx.total_changes if False else cx.cursor()):
        try:
            f()
        except sqlite3.ProgrammingError as e:
            errors.append(str(e).split(".")[0])
t = threading.Thread(target=use_elsewhere)
t.start()
t.join()
print(errors)
print(cx.execute("select 1").fetchone())

# a connection shared across threads: writes serialized by the program, as
# the sqlite3 documentation asks of check_same_thread=False
shared = sqlite3.connect(":memory:", check_same_thread=False)
shared.execute("create table s(v)")
shared_lock = threading.Lock()
def writer(n):
    for i in range(20):
        with shared_lock:
            shared.execute("insert into s values (?)", (n * 100 + i,))
threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
shared.commit()
print(shared.execute("select count(*), sum(v) from s").fetchone())

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "db.sqlite")
    init = sqlite3.connect(path)
    init.execute("create table w(t, v)")
    init.commit()
    init.close()
    results = {}
    def worker(n):
        c = sqlite3.connect(path, timeout=30)
        c.create_function("square", 1, lambda x: x * x)
        for i in range(25):
            with c:
                c.execute("insert into w values (?, square(?))", (n, i))
        results[n] = c.execute("select count(*), sum(v) from w where t = ?", (n,)).fetchone()
        c.close()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(sorted(results.items()))
    check = sqlite3.connect(path)
    print(check.execute("select count(*) from w").fetchone())
    check.close()

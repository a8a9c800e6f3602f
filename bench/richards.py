# A richards-shaped scheduler: method dispatch over a small class hierarchy.
class Task:
    def __init__(self, ident, prio):
        self.ident = ident; self.prio = prio; self.count = 0
    def run(self, sched): raise NotImplementedError
class Idle(Task):
    def run(self, sched):
        self.count += 1
        return sched.next_task(self)
class Worker(Task):
    def run(self, sched):
        self.count += 2
        if self.count % 5 == 0:
            return sched.wait(self)
        return sched.next_task(self)
class Handler(Task):
    def run(self, sched):
        self.count += 3
        return sched.release(self)
class Sched:
    def __init__(self):
        self.tasks = [Idle(0, 1), Worker(1, 2), Handler(2, 3), Worker(3, 4), Handler(4, 5)]
        self.i = 0; self.holds = 0
    def next_task(self, t):
        self.i = (self.i + 1) % len(self.tasks)
        return self.tasks[self.i]
    def wait(self, t):
        self.holds += 1
        return self.next_task(t)
    def release(self, t):
        return self.tasks[(t.ident + 1) % len(self.tasks)]
s = Sched(); t = s.tasks[0]
for i in range(1500000):
    t = t.run(s)
print(sum(x.count for x in s.tasks), s.holds)

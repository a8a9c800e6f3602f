# tracing is per thread: threads tracing and threads not, running together
import sys
import threading

def work(n):
    t = 0
    for i in range(n):
        t += i
    return t

counts = {}
def make_tracer(name):
    def tracer(frame, event, arg):
        if frame.f_code.co_name == "work":
            counts[name] = counts.get(name, 0) + (event == "line")
            return tracer
        return None
    return tracer

results = {}
def traced(name):
    sys.settrace(make_tracer(name))
    results[name] = work(2000)
    sys.settrace(None)

def plain(name):
    results[name] = work(20000)
    results[name + " trace"] = sys.gettrace()

threads = [threading.Thread(target=traced, args=("a",)), threading.Thread(target=plain, args=("b",)),
           threading.Thread(target=traced, args=("c",)), threading.Thread(target=plain, args=("d",))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print(sorted(counts.items()))
print(sys.gettrace())

# test: timeout=120, skip-gc-stress
# Stress: threads allocate lists, dicts, strings and objects while the GC
# runs; every structure they build stays intact.
import threading

class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt

def build(k, out):
    for rnd in range(30):
        head = None
        for i in range(1000):
            head = Node({'i': i, 's': str(i) * 3, 'l': [i] * 3}, head)
        n = 0
        total = 0
        while head is not None:
            assert head.value['s'] == str(head.value['i']) * 3
            total += sum(head.value['l'])
            head = head.next
            n += 1
        out[k] = (n, total)

out = [None] * 8
threads = [threading.Thread(target=build, args=(k, out)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out)

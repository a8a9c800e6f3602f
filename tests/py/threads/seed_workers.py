# test: sort-lines

import threading

def worker(num):
    print(f'Worker {num} is running')

threads = []
for i in range(5):
    thread = threading.Thread(target=worker, args=(i,))
    threads.append(thread)
    thread.start()

for thread in threads:
    thread.join()

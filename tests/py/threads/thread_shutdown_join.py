# test: sort-lines
# At exit the main thread waits for non-daemon threads; daemon threads are
# abandoned without a crash.
import threading
import time

def slow(n):
    time.sleep(0.05)
    print('non-daemon', n, 'done')

def forever():
    while True:
        time.sleep(0.01)

threading.Thread(target=forever, daemon=True).start()
for i in range(3):
    threading.Thread(target=slow, args=(i,)).start()
print('main done')

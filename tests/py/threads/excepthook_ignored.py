# A thread raising SystemExit prints nothing; other threads keep working.
import threading
t = threading.Thread(target=lambda: exit(5))
t.start(); t.join()
print('done', t.is_alive())

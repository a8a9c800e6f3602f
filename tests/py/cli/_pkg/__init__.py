print('package __init__', __name__)

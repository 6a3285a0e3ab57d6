#!/usr/bin/env bash
# Ray for tests/runners/test_ray.py (the [ray] extra); without it those tests skip.
set -eu
python -c "import ray.data, pyarrow" 2>/dev/null || pip install -q 'ray[data]>=2.30' 'pyarrow>=14'
python -c "import ray; print('Ray', ray.__version__, 'ready')"

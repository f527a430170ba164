from tests.tools.bench.main import main

raise SystemExit(main())

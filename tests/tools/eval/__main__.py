from tests.tools.eval.evaluate import main

raise SystemExit(main())

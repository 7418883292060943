from dipevents.cli import main

raise SystemExit(main())

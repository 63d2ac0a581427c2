-- One database per subgraph, as infra/postgres.sh creates them on a local server.
-- Written from schemas/subgraphs.json by `npm run subgraphs:sync`; do not edit by hand.
CREATE DATABASE clusters;
CREATE DATABASE funding;
CREATE DATABASE competence;
CREATE DATABASE catapult;
CREATE DATABASE research;

-- One database per service, as infra/postgres.sh creates them on a local server.
CREATE DATABASE clusters;
CREATE DATABASE funding;
CREATE DATABASE competence;

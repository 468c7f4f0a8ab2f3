-- The queries Orleans' ADO.NET providers (clustering, grain storage, reminders) read at start-up,
-- keyed by name. Orleans binds parameters and reads result columns by name: the names are the contract.
CREATE TABLE orleansquery
(
    querykey  varchar(64)   NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);

-- No search vector at all: the floor infra/bench-post-sql.sh measures the search trigger against.
alter table messages disable trigger messages_search_current;

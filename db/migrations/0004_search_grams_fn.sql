-- Thai substring search (ADR 0106): pg_trgm ignores Thai under C-locale databases, so names are
-- indexed as an array of character bigrams and trigrams. IMMUTABLE so a generated column and the
-- planner (constant folding of the query's grams) can use it. Same function on PostgreSQL 15 and PGlite.
CREATE OR REPLACE FUNCTION khru_grams(s text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}'::text[])
    FROM (SELECT substr(lower(s), i, n) AS g
            FROM generate_series(2, 3) AS n,
                 generate_series(1, greatest(length(s) - n + 1, 0)) AS i) AS x
$$;

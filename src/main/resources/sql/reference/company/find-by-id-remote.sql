SELECT id, id_remote, company_name
FROM company
WHERE tenant = :tenant AND id_remote IN (:idRemotes)

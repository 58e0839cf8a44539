SELECT COUNT(*) FROM deleted_order WHERE tenant = :tenant AND deleted_at >= :date

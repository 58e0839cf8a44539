package com.orderhub.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object of an order as a caller sent it (the order, a discount, a line, a line discount or
 * a line detail), checked for shape: its attributes by JSON name, and its child lists. In an
 * update only the attributes the caller sent are present; a present null clears the attribute.
 */
public final class Draft {

    private final OrderShape.Part part;
    private final String path;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, List<Draft>> children = new LinkedHashMap<>();
    private final Map<String, Object> given = new LinkedHashMap<>();
    /** The hub id of the stored row this draft updates, or null for a new row. */
    private String storedId;

    Draft(OrderShape.Part part, String path) {
        this.part = part;
        this.path = path;
    }

    public OrderShape.Part part() {
        return part;
    }

    public String path() {
        return path;
    }

    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    public String text(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    public void put(String name, Object value) {
        values.put(name, value);
    }

    /** Replaces a reference by the hub id it resolved to, remembering what the caller wrote. */
    public void resolve(String name, String hubId) {
        given.putIfAbsent(name, values.get(name));
        values.put(name, hubId);
    }

    /** The reference as the caller wrote it (hub id or idRemote), for messages. */
    public String given(String name) {
        Object value = given.containsKey(name) ? given.get(name) : values.get(name);
        return value == null ? null : value.toString();
    }

    public List<Draft> children(String list) {
        return children.computeIfAbsent(list, l -> new ArrayList<>());
    }

    public boolean hasChildren(String list) {
        return children.containsKey(list);
    }

    /**
     * This draft and every draft under it, depth first in the order of the part's lists (an
     * order, its discounts, its first line, that line's discounts and details, the next line...).
     * A loop, not a recursion: the JIT compiled recursive walks of an order for seconds, again
     * and again, on the intake's hot path.
     */
    public List<Draft> tree() {
        List<Draft> tree = new ArrayList<>();
        java.util.ArrayDeque<Draft> next = new java.util.ArrayDeque<>();
        next.push(this);
        while (!next.isEmpty()) {
            Draft draft = next.pop();
            tree.add(draft);
            List<String> lists = draft.part.lists();
            for (int l = lists.size() - 1; l >= 0; l--) {
                List<Draft> list = draft.children.getOrDefault(lists.get(l), List.of());
                for (int c = list.size() - 1; c >= 0; c--) {
                    next.push(list.get(c));
                }
            }
        }
        return tree;
    }

    public String idRemote() {
        return text("idRemote");
    }

    public String storedId() {
        return storedId;
    }

    public void storedId(String id) {
        this.storedId = id;
    }
}

package com.orderhub.order;

import java.util.ArrayList;
import java.util.HashMap;
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
    /**
     * The attributes' values in the part's order, and which of them were put (a put null is there):
     * an order holds a dozen drafts and the intake reads each attribute several times, and maps
     * per draft were a tenth of its CPU.
     */
    private final Object[] values;
    private long present;
    /** The child lists in the part's order, null until asked for. */
    private final List<Draft>[] children;
    /** What the caller wrote for each resolved reference, once one is resolved. */
    private Map<String, Object> given;
    /** The hub id of the stored row this draft updates, or null for a new row. */
    private String storedId;

    @SuppressWarnings("unchecked")
    Draft(OrderShape.Part part, String path) {
        this.part = part;
        this.path = path;
        this.values = new Object[part.attributes().size()];
        this.children = new List[part.lists().size()];
    }

    public OrderShape.Part part() {
        return part;
    }

    public String path() {
        return path;
    }

    /** The attributes put, by name, in the part's order (a copy). */
    public Map<String, Object> values() {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (isPut(i)) {
                copy.put(part.attributes().get(i).name(), values[i]);
            }
        }
        return copy;
    }

    /** True when no attribute was put. */
    public boolean isEmpty() {
        return present == 0;
    }

    public boolean has(String name) {
        int i = part.indexOf(name);
        return i >= 0 && isPut(i);
    }

    public Object get(String name) {
        int i = part.indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** The value of the part's attribute at that position. */
    public Object get(int attribute) {
        return values[attribute];
    }

    public String text(String name) {
        Object value = get(name);
        return value == null ? null : value.toString();
    }

    public void put(String name, Object value) {
        put(part.attributeIndex(name), value);
    }

    /** Puts the part's attribute at that position. */
    public void put(int attribute, Object value) {
        values[attribute] = value;
        present |= 1L << attribute;
    }

    /** Puts every attribute the other draft of the same part has put, over this one's. */
    public void putAll(Draft other) {
        if (other.part != part) {
            throw new IllegalArgumentException("A " + other.part + " is not a " + part);
        }
        for (int i = 0; i < values.length; i++) {
            if (other.isPut(i)) {
                put(i, other.values[i]);
            }
        }
    }

    private boolean isPut(int attribute) {
        return (present & 1L << attribute) != 0;
    }

    /** Replaces a reference by the hub id it resolved to, remembering what the caller wrote. */
    public void resolve(String name, String hubId) {
        int i = part.attributeIndex(name);
        if (given == null) {
            given = new HashMap<>();
        }
        given.putIfAbsent(name, values[i]);
        put(i, hubId);
    }

    /** The reference as the caller wrote it (hub id or idRemote), for messages. */
    public String given(String name) {
        Object value = given != null && given.containsKey(name) ? given.get(name) : get(name);
        return value == null ? null : value.toString();
    }

    public List<Draft> children(String list) {
        int l = part.listIndex(list);
        if (children[l] == null) {
            children[l] = new ArrayList<>();
        }
        return children[l];
    }

    public boolean hasChildren(String list) {
        return children[part.listIndex(list)] != null;
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
                List<Draft> list = draft.children[l] == null ? List.of() : draft.children[l];
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

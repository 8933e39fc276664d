package io.m365vault.graphsim.drive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;

import java.util.Locale;
import java.util.function.Function;

/** The JSON Graph returns for drives, driveItems (with their deleted facet in delta) and versions. */
public final class DriveJson {
    private DriveJson() {
    }

    public static String mimeType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "txt", "md" -> "text/plain";
            case "csv" -> "text/csv";
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "zip" -> "application/x-zip-compressed";
            case "mp4" -> "video/mp4";
            case "one", "onetoc2" -> "application/msonenote";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            default -> "application/octet-stream";
        };
    }

    public static ObjectNode identity(String id, String name) {
        ObjectNode set = Json.obj();
        ObjectNode u = set.putObject("user");
        u.put("id", id);
        u.put("displayName", name);
        return set;
    }

    public static ObjectNode drive(Drive.Spec s, long used, long total) {
        ObjectNode j = Json.obj();
        j.put("id", s.id());
        j.put("driveType", s.driveType());
        j.put("name", s.name());
        j.put("description", "");
        j.put("webUrl", s.webUrl());
        j.put("createdDateTime", "2023-03-01T10:00:00Z");
        j.put("lastModifiedDateTime", "2025-06-01T10:00:00Z");
        ObjectNode owner = j.putObject("owner");
        ObjectNode who = owner.putObject(s.ownerKind().equals("user") ? "user" : "group");
        who.put("id", s.ownerId());
        who.put("displayName", s.ownerName());
        ObjectNode quota = j.putObject("quota");
        quota.put("deleted", 0);
        quota.put("remaining", Math.max(0, total - used));
        // Graph's states are normal, nearing (90%), critical (98%) and exceeded; the simulator has the ends.
        quota.put("state", used >= total ? "exceeded" : "normal");
        quota.put("total", total);
        quota.put("used", used);
        return j;
    }

    /**
     * A live item. {@code downloadUrl} gives the pre-authenticated URL of the current version
     * (Graph includes it for files in GET and delta responses).
     */
    public static ObjectNode item(Drive d, DriveItem i, Function<DriveItem, String> downloadUrl) {
        ObjectNode j = Json.obj();
        String etag = "\"{" + i.id() + "}," + i.seq() + "\"";
        if (!i.folder) {
            j.put("@microsoft.graph.downloadUrl", downloadUrl.apply(i));
        }
        j.put("createdDateTime", i.created.toString());
        j.put("eTag", etag);
        j.put("id", i.id());
        j.put("lastModifiedDateTime", i.modified.toString());
        j.put("name", i.name);
        j.put("webUrl", d.spec.webUrl() + (i.isRoot() ? "" : d.path(d.parent(i)).substring("/drive/root:".length()) + "/" + i.name));
        j.put("cTag", "\"c:{" + i.id() + "}," + i.seq() + "\"");
        j.put("size", i.folder ? folderSize(d, i) : i.size());
        j.set("createdBy", identity(d.spec.ownerId(), d.spec.ownerName()));
        j.set("lastModifiedBy", identity(d.spec.ownerId(), d.spec.ownerName()));
        ObjectNode parent = j.putObject("parentReference");
        parent.put("driveType", d.spec.driveType());
        parent.put("driveId", d.spec.id());
        if (!i.isRoot()) {
            parent.put("id", i.parentId);
            parent.put("path", d.path(d.parent(i)));
        }
        if (d.spec.siteId() != null) {
            parent.put("siteId", d.spec.siteId());
        }
        ObjectNode fsi = j.putObject("fileSystemInfo");
        fsi.put("createdDateTime", i.fileCreated().toString());
        fsi.put("lastModifiedDateTime", i.fileModified().toString());
        if (i.packageType != null) {
            j.putObject("package").put("type", i.packageType);
        } else if (i.folder) {
            j.putObject("folder").put("childCount", d.children(i).size());
            if (i.isRoot()) {
                j.putObject("root");
            }
        } else {
            ObjectNode file = j.putObject("file");
            file.put("mimeType", mimeType(i.name));
            file.putObject("hashes").put("quickXorHash", QuickXor.of(i.content()));
            if (i.malware) {
                j.putObject("malware").put("description", "Malware was detected in this file.");
            }
        }
        return j;
    }

    private static long folderSize(Drive d, DriveItem folder) {
        long sum = 0;
        for (DriveItem c : d.children(folder)) {
            sum += c.folder ? folderSize(d, c) : c.size();
        }
        return sum;
    }

    /** A deleted item in a drive delta: a deleted facet, not @removed. */
    public static ObjectNode deleted(Drive d, DriveItem i) {
        ObjectNode j = Json.obj();
        j.put("id", i.id());
        j.put("name", i.name);
        ObjectNode parent = j.putObject("parentReference");
        parent.put("driveType", d.spec.driveType());
        parent.put("driveId", d.spec.id());
        parent.put("id", i.parentId);
        j.putObject("deleted").put("state", "deleted");
        if (i.folder) {
            j.putObject("folder").put("childCount", 0);
        } else {
            j.putObject("file");
        }
        return j;
    }

    public static ArrayNode versions(Drive d, DriveItem i) {
        ArrayNode arr = Json.arr();
        for (int v = i.versions.size() - 1; v >= 0; v--) {
            DriveItem.Version ver = i.versions.get(v);
            ObjectNode j = arr.addObject();
            j.put("id", (v + 1) + ".0");
            j.put("lastModifiedDateTime", ver.modified().toString());
            j.put("size", ver.content().length());
            j.set("lastModifiedBy", identity(d.spec.ownerId(), d.spec.ownerName()));
        }
        return arr;
    }
}

// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

import (
	"context"
	"iter"

	"google.golang.org/protobuf/types/known/emptypb"

	openvclusterv1 "github.com/open-vcluster/open-vcluster-api/sdks/go/gen/openvcluster/v1"
)

// CreateProject creates a project; ALREADY_EXISTS (IsAlreadyExists) when the id is taken.
func (c *Client) CreateProject(ctx context.Context, req *openvclusterv1.CreateProjectRequest) (*openvclusterv1.Project, error) {
	return unary(ctx, c.projects.CreateProject, req)
}

// GetProject gets a project with its usage.
func (c *Client) GetProject(ctx context.Context, req *openvclusterv1.GetProjectRequest) (*openvclusterv1.Project, error) {
	return unary(ctx, c.projects.GetProject, req)
}

// ListProjects lists the projects. It yields every item of every page, fetching pages as
// the loop needs them; ListProjectsPage returns one page.
func (c *Client) ListProjects(ctx context.Context, req *openvclusterv1.ListProjectsRequest) iter.Seq2[*openvclusterv1.Project, error] {
	return paginate(ctx, req, c.ListProjectsPage, (*openvclusterv1.ListProjectsResponse).GetProjects)
}

// ListProjectsPage returns one page of ListProjects: pass its NextPageToken as the next
// request's PageToken.
func (c *Client) ListProjectsPage(ctx context.Context, req *openvclusterv1.ListProjectsRequest) (*openvclusterv1.ListProjectsResponse, error) {
	return unary(ctx, c.projects.ListProjects, req)
}

// UpdateProject updates the fields of update_mask of a project.
func (c *Client) UpdateProject(ctx context.Context, req *openvclusterv1.UpdateProjectRequest) (*openvclusterv1.Project, error) {
	return unary(ctx, c.projects.UpdateProject, req)
}

// DeleteProject deletes a project.
func (c *Client) DeleteProject(ctx context.Context, req *openvclusterv1.DeleteProjectRequest) (*emptypb.Empty, error) {
	return unary(ctx, c.projects.DeleteProject, req)
}
